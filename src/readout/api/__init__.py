"""readout.api: the REST API and the web app over a readout database.

``create_app(db_path, token=None)`` builds the FastAPI application.
"""

from readout.api.app import create_app

__all__ = ["create_app"]
