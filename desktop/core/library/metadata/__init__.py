"""Image metadata: embedding ours (A1111 infotext, XMP with the IPTC AI marker, our JSON
record) and reading anyone's (ours, A1111/Forge, ComfyUI, InvokeAI, XMP).

Public API: `embed`, `read`, `MetadataRecord`, `ReadMetadata`.
"""

from __future__ import annotations

from desktop.core.library.metadata.embed import embed, sniff
from desktop.core.library.metadata.read import read
from desktop.core.library.metadata.record import MetadataRecord, ReadMetadata

__all__ = ["MetadataRecord", "ReadMetadata", "embed", "read", "sniff"]
