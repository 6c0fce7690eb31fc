CREATE TABLE orders (
    id          BIGSERIAL PRIMARY KEY,
    customer    VARCHAR(255)   NOT NULL,
    total_cents BIGINT         NOT NULL CHECK (total_cents >= 0),
    created_at  TIMESTAMPTZ    NOT NULL DEFAULT now()
);
