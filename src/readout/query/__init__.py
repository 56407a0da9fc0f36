"""readout.query: the read layer that the REST API, the web pages and the CLI share.

``access`` opens the store for readers and the one writer, ``filters`` turns
what a user typed into store arguments (strictly or leniently), ``paging``
holds the limits on page sizes and offsets, and ``params`` declares the same
filters as HTTP query parameters.
"""
