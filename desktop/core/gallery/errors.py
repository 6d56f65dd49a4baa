"""Typed errors of the gallery service; each message says what and which."""

from __future__ import annotations


class GalleryError(Exception):
    """Base class for errors the gallery raises on purpose."""


class InvalidValueError(GalleryError, ValueError):
    """A rating, tag or collection name the library cannot take."""


class CollectionNameTakenError(GalleryError):
    def __init__(self, name: str) -> None:
        super().__init__(f"a collection named {name!r} already exists")
        self.name = name


class UnknownCollectionError(GalleryError, LookupError):
    def __init__(self, collection_id: int) -> None:
        super().__init__(f"collection {collection_id} does not exist")
        self.collection_id = collection_id


class UnknownAssetError(GalleryError, LookupError):
    def __init__(self, asset_id: int) -> None:
        super().__init__(f"asset {asset_id} does not exist")
        self.asset_id = asset_id


class ExportFolderError(GalleryError):
    def __init__(self, folder: str, cause: str) -> None:
        super().__init__(f"{folder}: cannot export there: {cause}")
        self.folder = folder
