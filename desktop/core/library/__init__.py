"""The image library on disk: layout, atomic writes, metadata, thumbnails and integrity.

Everything here is synchronous and Qt-free; the queue and the UI call it from worker
threads. Import the submodules directly (`library.image_store`, `library.integrity`, ...).
"""
