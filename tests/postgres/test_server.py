"""The test server itself: a real PostgreSQL, one fresh database per test."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

pytestmark = pytest.mark.postgres


def _engine(url: str) -> sa.Engine:
    return sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))


def test_server_answers_sql(postgres_url):
    engine = _engine(postgres_url)
    with engine.connect() as conn:
        version = conn.execute(sa.text("select version()")).scalar_one()
    engine.dispose()
    assert version.startswith("PostgreSQL")


def test_each_test_gets_an_empty_database(postgres_url):
    engine = _engine(postgres_url)
    with engine.begin() as conn:
        tables = conn.execute(
            sa.text("select count(*) from information_schema.tables where table_schema = 'public'")
        ).scalar_one()
        conn.execute(sa.text("create table probe (id integer primary key)"))
    engine.dispose()
    assert tables == 0
