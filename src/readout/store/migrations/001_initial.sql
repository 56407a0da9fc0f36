-- The first schema: articles, their event mentions and claims, actors, merged events.
CREATE TABLE articles (
    id VARCHAR PRIMARY KEY,
    seq INTEGER NOT NULL,
    doc VARCHAR NOT NULL,
    url VARCHAR,
    title VARCHAR,
    outlet VARCHAR,
    published DATE,
    published_source VARCHAR,
    text_hash VARCHAR NOT NULL,
    minhash BIGINT[],
    duplicate_of VARCHAR,
    text VARCHAR NOT NULL,
    ingested_at TIMESTAMP NOT NULL
);
CREATE INDEX articles_url ON articles (url);
CREATE INDEX articles_hash ON articles (text_hash);

-- LSH buckets of each article's MinHash signature: candidates for near-duplicates.
CREATE TABLE lsh_buckets (
    band INTEGER NOT NULL,
    bucket VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL
);
CREATE INDEX lsh_bucket ON lsh_buckets (bucket);

CREATE TABLE actors (
    key VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    country VARCHAR,
    sector VARCHAR,
    role VARCHAR,
    kind VARCHAR,
    kb_id VARCHAR
);

CREATE TABLE events (
    id VARCHAR PRIMARY KEY,
    seq INTEGER NOT NULL,
    type VARCHAR NOT NULL,
    mode VARCHAR,
    cameo VARCHAR,
    source_key VARCHAR,
    target_key VARCHAR,
    source_kb VARCHAR,
    target_kb VARCHAR,
    source_country VARCHAR,
    target_country VARCHAR,
    date_start DATE,
    date_end DATE,
    date_precision VARCHAR,
    date_text VARCHAR,
    status VARCHAR NOT NULL,
    hedged BOOLEAN NOT NULL,
    reports INTEGER NOT NULL,
    sources VARCHAR[],
    location_name VARCHAR,
    location_country VARCHAR,
    n_contradictions INTEGER NOT NULL,
    first_seen TIMESTAMP NOT NULL
);
CREATE INDEX events_type ON events (type);

CREATE TABLE mentions (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    mode VARCHAR,
    cameo VARCHAR,
    status VARCHAR NOT NULL,
    hedged BOOLEAN NOT NULL,
    date_start DATE,
    date_end DATE,
    date_precision VARCHAR,
    date_text VARCHAR,
    location VARCHAR,
    sentence VARCHAR,
    start_char INTEGER,
    end_char INTEGER,
    source_key VARCHAR,
    target_key VARCHAR,
    json VARCHAR NOT NULL
);
CREATE INDEX mentions_event ON mentions (event_id);
CREATE INDEX mentions_article ON mentions (article_id);

CREATE TABLE claims (
    mention_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    kind VARCHAR,
    stance VARCHAR NOT NULL,
    hedged BOOLEAN NOT NULL,
    country VARCHAR
);
CREATE INDEX claims_mention ON claims (mention_id);

CREATE TABLE contradictions (
    event_id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    detail VARCHAR NOT NULL,
    sources_for VARCHAR[],
    sources_against VARCHAR[]
);
CREATE INDEX contradictions_event ON contradictions (event_id);
