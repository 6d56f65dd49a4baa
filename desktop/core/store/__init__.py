"""The library database: SQLAlchemy tables, Alembic migrations, repositories, backups."""
