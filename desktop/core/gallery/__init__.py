"""The gallery's Qt-free half: searching, paging, rating, tagging, collections, trash,
import and export of library assets. The window's Gallery tab calls `GalleryService`."""
