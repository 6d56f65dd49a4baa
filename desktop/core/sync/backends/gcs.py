"""Google Cloud Storage over google-cloud-storage.

Uploads carry the MD5 and CRC32C we computed, so the service refuses a damaged body, and
we compare the md5Hash/crc32c it reports. Large files use a resumable session whose URL is
kept in the store; after a restart we ask the session how many bytes it has and go on.
"""

from __future__ import annotations

import base64
import contextlib
import json
import re
from collections.abc import Callable
from typing import Any, BinaryIO

import requests
from google.api_core import exceptions as gex
from google.auth.exceptions import DefaultCredentialsError, RefreshError, TransportError
from google.cloud import storage

from desktop.core.sync.backends.base import Backend, PutRequest, RemoteObject, UploadSession
from desktop.core.sync.credentials import Credentials
from desktop.core.sync.destination import BackendKind, DestinationOptions, DestinationUrl
from desktop.core.sync.errors import (
    BucketNotFoundError,
    CredentialsError,
    ObjectNotFoundError,
    PreconditionFailedError,
    RemoteError,
    TransientRemoteError,
    UploadGoneError,
    VerificationError,
)
from desktop.core.sync.hashing import Digest

_GRANULE = 256 * 1024  # resumable chunks must be multiples of this
_TIMEOUT = (5, 60)
# The SDK's own retries can run for minutes; our RetryPolicy decides instead.
_NO_RETRY = {"timeout": _TIMEOUT, "retry": None}


def _hex(md5_b64: str | None) -> str | None:
    return base64.b64decode(md5_b64).hex() if md5_b64 else None


class GcsBackend(Backend):
    kind = BackendKind.GCS
    min_part_size = _GRANULE

    def __init__(self, url: DestinationUrl, options: DestinationOptions, creds: Credentials) -> None:
        super().__init__(url)
        emulator = options.endpoint_url or creds.env.get("STORAGE_EMULATOR_HOST")
        self.endpoint = emulator
        try:
            if creds.get("gcs_service_account_json"):
                from google.oauth2 import service_account

                info = json.loads(creds.values["gcs_service_account_json"])
                sa = service_account.Credentials.from_service_account_info(info)
                self.client = storage.Client(project=info.get("project_id"), credentials=sa)
            elif emulator:
                from google.auth.credentials import AnonymousCredentials

                self.client = storage.Client(
                    project="emulator", credentials=AnonymousCredentials(),
                    client_options={"api_endpoint": emulator})
            else:
                self.client = storage.Client()
        except (DefaultCredentialsError, ValueError, KeyError) as exc:
            raise CredentialsError(
                f"{self.where()}: no usable Google credentials ({exc}); set "
                "GOOGLE_APPLICATION_CREDENTIALS or store a service account JSON with "
                "`main.py sync add ... --ask-credentials`") from exc
        self.bucket = self.client.bucket(url.bucket)
        self._offsets: dict[str, int] = {}  # resumable session -> bytes the service has
        self._finished: dict[str, dict[str, Any]] = {}  # session -> final object resource

    # -- error mapping -----------------------------------------------------------------
    def _call(self, what: str, key: str | None, fn: Callable[..., Any], *a: Any, **kw: Any) -> Any:
        place = self.where(key)
        try:
            return fn(*a, **kw)
        except (gex.Unauthorized, gex.Forbidden, RefreshError, DefaultCredentialsError) as exc:
            raise CredentialsError(
                f"{place}: the storage service refused the credentials during {what} ({exc})") from exc
        except gex.NotFound as exc:
            if key is None or "bucket" in str(exc).lower():
                raise BucketNotFoundError(
                    f"bucket {self.url.bucket!r} does not exist at {self.endpoint or 'Google Cloud Storage'}") from exc
            raise ObjectNotFoundError(f"{place}: no such object") from exc
        except gex.PreconditionFailed as exc:
            raise PreconditionFailedError(f"{place}: changed by someone else during {what}") from exc
        except gex.BadRequest as exc:
            if re.search(r"md5|crc32c|hash", str(exc), re.I):
                raise VerificationError(f"{place}: the service refused the body: {exc}") from exc
            raise RemoteError(f"{place}: {what} failed: {exc}") from exc
        except (gex.TooManyRequests, gex.InternalServerError, gex.ServiceUnavailable,
                gex.GatewayTimeout, gex.BadGateway, TransportError,
                requests.ConnectionError, requests.Timeout) as exc:
            raise TransientRemoteError(
                f"{place}: cannot complete {what} at {self.endpoint or 'GCS'}: {exc}") from exc
        except gex.GoogleAPICallError as exc:
            raise RemoteError(f"{place}: {what} failed: {exc}") from exc

    @staticmethod
    def _remote(key: str, blob: storage.Blob) -> RemoteObject:
        return RemoteObject(
            key=key, size=blob.size, etag=str(blob.generation) if blob.generation else None,
            md5=_hex(blob.md5_hash), crc32c=blob.crc32c, metadata=dict(blob.metadata or {}))

    # -- objects -----------------------------------------------------------------------
    def check(self) -> None:
        self._call("checking the bucket", None, self.bucket.reload, **_NO_RETRY)
        self._call("listing", None, lambda: list(self.client.list_blobs(
            self.url.bucket, prefix=self.url.key(""), max_results=1, **_NO_RETRY)))

    def put(self, req: PutRequest) -> RemoteObject:
        blob = self.bucket.blob(req.key)
        blob.metadata = req.metadata
        blob.md5_hash = req.digest.md5_b64
        blob.crc32c = req.digest.crc32c_b64
        cond: dict[str, Any] = {}
        if req.if_absent:
            cond["if_generation_match"] = 0
        elif req.if_etag:
            cond["if_generation_match"] = int(req.if_etag)
        try:
            self._call("upload", req.key, blob.upload_from_string, req.data,
                       content_type=req.content_type, timeout=_TIMEOUT, retry=None, **cond)
        except BucketNotFoundError:
            raise
        except ObjectNotFoundError as exc:  # an upload's 404 means the bucket is missing
            raise BucketNotFoundError(
                f"bucket {self.url.bucket!r} does not exist at {self.endpoint or 'Google Cloud Storage'}") from exc
        return self._remote(req.key, blob)

    def head(self, key: str) -> RemoteObject | None:
        blob = self._call("HEAD", key, self.bucket.get_blob, key, **_NO_RETRY)
        return self._remote(key, blob) if blob is not None else None

    def get(self, key: str) -> tuple[bytes, RemoteObject] | None:
        blob = self._call("HEAD", key, self.bucket.get_blob, key, **_NO_RETRY)
        if blob is None:
            return None
        try:
            data = self._call("download", key, blob.download_as_bytes,
                              if_generation_match=blob.generation, **_NO_RETRY)
        except (ObjectNotFoundError, PreconditionFailedError):
            return self.get(key)  # replaced or removed between the two calls: ask again
        return data, self._remote(key, blob)

    def download(self, key: str, out: BinaryIO,
                 on_chunk: Callable[[int], None] | None = None) -> RemoteObject | None:
        got = self.get(key)
        if got is None:
            return None
        data, remote = got
        out.write(data)
        if on_chunk:
            on_chunk(len(data))
        return remote

    def delete(self, key: str) -> None:
        with contextlib.suppress(ObjectNotFoundError):
            self._call("delete", key, self.bucket.delete_blob, key, **_NO_RETRY)

    def list(self, prefix: str) -> list[RemoteObject]:
        blobs = self._call("listing", prefix, lambda: list(
            self.client.list_blobs(self.url.bucket, prefix=prefix, **_NO_RETRY)))
        return [self._remote(b.name, b) for b in blobs]

    def list_prefixes(self, prefix: str) -> list[str]:
        def run() -> list[str]:
            it = self.client.list_blobs(self.url.bucket, prefix=prefix, delimiter="/", **_NO_RETRY)
            for _page in it.pages:
                pass
            return sorted(it.prefixes)

        return self._call("listing", prefix, run)

    # -- resumable sessions ------------------------------------------------------------
    def adjust_part_size(self, part_size: int) -> int:
        return max(_GRANULE, part_size // _GRANULE * _GRANULE)

    def start_upload(self, key: str, digest: Digest, part_size: int, content_type: str,
                     metadata: dict[str, str]) -> str:
        blob = self.bucket.blob(key)
        blob.metadata = metadata
        blob.md5_hash = digest.md5_b64  # checked by the service when the session completes
        blob.crc32c = digest.crc32c_b64
        url = self._call("starting a resumable upload", key, blob.create_resumable_upload_session,
                         content_type=content_type, size=digest.size, client=self.client,
                         checksum=None, **_NO_RETRY)  # our MD5/CRC32C are in the metadata
        self._offsets[url] = 0
        return str(url)

    def _session_put(self, session: UploadSession, what: str, data: bytes,
                     content_range: str) -> requests.Response:
        def send() -> requests.Response:
            resp = self.client._http.put(session.upload_id, data=data, timeout=_TIMEOUT,
                                         headers={"Content-Range": content_range})
            if resp.status_code in (404, 410):
                raise UploadGoneError(f"{self.where(session.key)}: the resumable session is gone")
            if resp.status_code in (401, 403):
                raise CredentialsError(f"{self.where(session.key)}: {what} refused: {resp.text[:200]}")
            if resp.status_code == 400 and re.search(r"md5|crc32c|hash", resp.text, re.I):
                raise VerificationError(f"{self.where(session.key)}: the service refused the "
                                        f"upload: {resp.text[:300]}")
            if resp.status_code >= 500 or resp.status_code == 429:
                raise TransientRemoteError(f"{self.where(session.key)}: {what}: HTTP {resp.status_code}")
            if resp.status_code not in (200, 201, 308):
                raise RemoteError(f"{self.where(session.key)}: {what}: HTTP {resp.status_code} "
                                  f"{resp.text[:200]}")
            return resp

        try:
            resp = send()
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise TransientRemoteError(f"{self.where(session.key)}: {what}: {exc}") from exc
        if resp.status_code == 308:
            match = re.match(r"bytes=0-(\d+)", resp.headers.get("Range", ""))
            self._offsets[session.upload_id] = int(match.group(1)) + 1 if match else 0
        else:
            self._finished[session.upload_id] = resp.json()
            self._offsets[session.upload_id] = session.digest.size
        return resp

    def uploaded_parts(self, session: UploadSession) -> dict[int, str | None]:
        self._session_put(session, "asking the session its progress", b"",
                          f"bytes */{session.digest.size}")
        have = self._offsets[session.upload_id]
        if session.upload_id in self._finished:
            return dict.fromkeys(range(1, session.part_count + 1))
        return dict.fromkeys(range(1, have // session.part_size + 1))

    def upload_part(self, session: UploadSession, part_no: int, data: bytes) -> None:
        start = (part_no - 1) * session.part_size
        skip = max(0, self._offsets.get(session.upload_id, 0) - start)
        if skip >= len(data):
            return
        first, chunk = start + skip, data[skip:]
        self._session_put(session, f"uploading part {part_no}", chunk,
                          f"bytes {first}-{first + len(chunk) - 1}/{session.digest.size}")

    def finish_upload(self, session: UploadSession) -> RemoteObject:
        if session.upload_id not in self._finished:
            self.uploaded_parts(session)
        resource = self._finished.pop(session.upload_id, None)
        if resource is None:
            raise RemoteError(f"{self.where(session.key)}: the resumable session did not complete")
        self._offsets.pop(session.upload_id, None)
        return RemoteObject(
            key=session.key, size=int(resource.get("size", -1)), etag=str(resource.get("generation")),
            md5=_hex(resource.get("md5Hash")), crc32c=resource.get("crc32c"),
            metadata=dict(resource.get("metadata") or {}))

    def abort_upload(self, session: UploadSession) -> None:
        with contextlib.suppress(requests.RequestException):
            self.client._http.delete(session.upload_id, timeout=_TIMEOUT)
        self._offsets.pop(session.upload_id, None)
