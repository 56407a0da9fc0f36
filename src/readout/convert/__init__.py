"""Build-time converters: the field's lexical resources into readout's own data files.

    python -m readout.convert ../shared/lexicon-sources

reads the PETRARCH2 dictionaries and the CAMEO→PLOVER table and rewrites every
generated data file under ``src/readout`` (see ``outputs.py`` for the list).
Nothing here runs when readout reads articles: the generated files are
committed, with a header naming their source, its commit and licence, and
``THIRD_PARTY_NOTICES.md`` carries the notices. Run it again only when the
sources or the conversion rules change; a test checks that a rerun reproduces
the committed files byte for byte.

    source.py        reading a dictionary file: lines, comments, one-line errors
    english.py       plurals, singulars and display names of upper-case source words
    plover.py        CAMEO code → PLOVER type, mode and context
    verb_patterns.py one CAMEO verb pattern line → its structured parts
    verbs.py         the CAMEO verb dictionary: synonym sets, verb blocks, patterns
    verb_data.py     the parsed dictionary joined to PLOVER, as cameo_verbs.json
    agents.py        Phoenix.agents.txt: agent nouns and their sector codes
    actor_file.py    the PETRARCH actor-file format: records, synonyms, dated codes
    actor_codes.py   Phoenix actor codes → ISO3 country, organisation, sectors
    actor_build.py   names, person or body, merging repeats, unique ids and codes
    people.py        Countries/International actors → people and named bodies
    groups.py        MilNonState actors → armed groups and other organisations
    emit.py          deterministic YAML and JSON writing with provenance headers
    outputs.py       which source becomes which file; the command behind ``__main__``
"""
