"""The HTTP API and web pages over a store: `create_app(Settings(db=...))`."""

from diplograph.serve.app import create_app
from diplograph.serve.settings import Settings

__all__ = ["create_app", "Settings"]
