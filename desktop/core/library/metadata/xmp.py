"""XMP packets: the IPTC "made by a trained algorithm" marker, the prompt as the
description, our tool as CreatorTool, and our JSON record in our own namespace.

Adobe apps, exiftool, Windows Explorer and content-credential checkers read the IPTC
`DigitalSourceType`; that is what marks a file as AI-generated to other software.
"""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from desktop.core.library.metadata.record import MetadataRecord

TRAINED_ALGORITHMIC_MEDIA = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "Iptc4xmpExt": "http://iptc.org/std/Iptc4xmpExt/2008-02-29/",
    # Our own namespace for the JSON record; a name, never fetched.
    "bigen": "https://ns.batch-image-generator.app/xmp/1.0/",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_MAX_PACKET = 8 << 20  # refuse to parse absurd packets


@dataclass
class XmpFields:
    digital_source_type: str | None = None
    creator_tool: str | None = None
    description: str | None = None
    record_json: str | None = None
    warnings: list[str] = field(default_factory=list)


def _clean(text: str) -> str:
    return _INVALID_XML.sub("", text)


def build_xmp(
    record: MetadataRecord, *, include_description: bool = True, include_record: bool = True
) -> bytes:
    """An XMP packet (UTF-8) for `record`; parts can be left out to fit JPEG's 64 KB."""
    created = record.created_at if record.created_at is not None else time.time()
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(created)) + "Z"
    xmlns = "\n    ".join(f'xmlns:{p}="{uri}"' for p, uri in NS.items() if p not in ("x", "rdf"))
    body: list[str] = []
    if include_description and record.prompt:
        body.append(
            "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">"
            f"{escape(_clean(record.prompt))}</rdf:li></rdf:Alt></dc:description>"
        )
    if include_record:
        body.append(f"   <bigen:Record>{escape(_clean(record.to_json()))}</bigen:Record>")
    tool = quoteattr(_clean(f"{record.app} {record.app_version}"))
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        f'<x:xmpmeta xmlns:x="{NS["x"]}">\n'
        f' <rdf:RDF xmlns:rdf="{NS["rdf"]}">\n'
        '  <rdf:Description rdf:about=""\n'
        f"    {xmlns}\n"
        f"    xmp:CreatorTool={tool}\n"
        f'    xmp:CreateDate="{stamp}"\n'
        f'    Iptc4xmpExt:DigitalSourceType="{TRAINED_ALGORITHMIC_MEDIA}">\n'
        + "".join(line + "\n" for line in body)
        + "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
    return packet.encode("utf-8")


def _q(prefix: str, name: str) -> str:
    return f"{{{NS[prefix]}}}{name}"


def _property(desc: ET.Element, prefix: str, name: str) -> str | None:
    """A simple property written either as an attribute or as a child element."""
    if (value := desc.get(_q(prefix, name))) is not None:
        return value
    child = desc.find(_q(prefix, name))
    if child is None:
        return None
    resource = child.get(_q("rdf", "resource"))
    return resource if resource is not None else (child.text or "")


def _alt_text(desc: ET.Element, prefix: str, name: str) -> str | None:
    node = desc.find(_q(prefix, name))
    if node is None:
        return desc.get(_q(prefix, name))
    items = node.findall(f".//{_q('rdf', 'li')}")
    if not items:
        return node.text
    default = next((li for li in items if li.get(XML_LANG) == "x-default"), items[0])
    return default.text or ""


def parse_xmp(packet: bytes | str) -> XmpFields:
    """Read the fields we care about from any XMP packet; never raises."""
    out = XmpFields()
    raw = packet if isinstance(packet, str) else packet.decode("utf-8", errors="replace")
    if len(raw) > _MAX_PACKET:
        out.warnings.append(f"XMP packet of {len(raw):,} characters ignored (too large)")
        return out
    start, end = raw.find("<x:xmpmeta"), raw.rfind("</x:xmpmeta>")
    xml = raw[start : end + len("</x:xmpmeta>")] if start >= 0 and end > start else raw.strip("\x00 \n")
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as exc:
        out.warnings.append(f"XMP is not well-formed XML ({exc})")
        if TRAINED_ALGORITHMIC_MEDIA in raw:
            out.digital_source_type = TRAINED_ALGORITHMIC_MEDIA
        return out
    for desc in root.iter(_q("rdf", "Description")):
        out.digital_source_type = out.digital_source_type or _property(
            desc, "Iptc4xmpExt", "DigitalSourceType"
        )
        out.creator_tool = out.creator_tool or _property(desc, "xmp", "CreatorTool")
        out.description = out.description or _alt_text(desc, "dc", "description")
        out.record_json = out.record_json or _property(desc, "bigen", "Record")
    return out
