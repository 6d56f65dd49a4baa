"""Azure Blob Storage over azure-storage-blob.

A single PUT sends Content-MD5 (the service checks it and reports the MD5 it stored).
Large files go up as blocks, each with its own Content-MD5; block ids carry the part
number and the file's hash, so after a restart the uncommitted blocks already staged
are recognised and only the rest are sent.
"""

from __future__ import annotations

import base64
import contextlib
from collections.abc import Callable
from typing import Any, BinaryIO

from azure.core import MatchConditions
from azure.core import exceptions as aex
from azure.storage.blob import BlobBlock, BlobServiceClient, ContentSettings

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

# No SDK retries (its default backoff starts at 15 s): our RetryPolicy retries, quickly.
_CLIENT_KW = {"connection_timeout": 5, "read_timeout": 60, "retry_total": 0}


def _account_of(connection_string: str) -> str | None:
    for part in connection_string.split(";"):
        name, _, value = part.partition("=")
        if name.strip().lower() == "accountname":
            return value.strip()
    return None


class AzureBackend(Backend):
    kind = BackendKind.AZURE
    min_part_size = 256 * 1024

    def __init__(self, url: DestinationUrl, options: DestinationOptions, creds: Credentials) -> None:
        super().__init__(url)
        conn = creds.get("azure_connection_string")
        try:
            if conn:
                if url.account and _account_of(conn) not in (url.account, None):
                    raise CredentialsError(
                        f"{url}: the connection string is for account {_account_of(conn)!r}, "
                        f"not {url.account!r}")
                self.service = BlobServiceClient.from_connection_string(conn, **_CLIENT_KW)
            elif url.account and (creds.get("azure_account_key") or creds.get("azure_sas_token")):
                credential: Any = (
                    {"account_name": url.account, "account_key": creds.values["azure_account_key"]}
                    if creds.get("azure_account_key") else creds.values["azure_sas_token"])
                self.service = BlobServiceClient(
                    f"https://{url.account}.blob.core.windows.net", credential=credential, **_CLIENT_KW)
            else:
                raise CredentialsError(
                    f"{url}: no Azure credentials; set AZURE_STORAGE_CONNECTION_STRING or store a "
                    "connection string, account key or SAS token with "
                    "`main.py sync add ... --ask-credentials`")
        except ValueError as exc:
            raise CredentialsError(f"{url}: the Azure connection string is not usable: {exc}") from exc
        self.endpoint = self.service.url
        self.container = self.service.get_container_client(url.bucket)

    # -- error mapping -----------------------------------------------------------------
    def _call(self, what: str, key: str | None, fn: Callable[..., Any], *a: Any, **kw: Any) -> Any:
        place = self.where(key)
        try:
            return fn(*a, **kw)
        except aex.ClientAuthenticationError as exc:
            raise CredentialsError(
                f"{place}: the storage service refused the credentials during {what} "
                f"({getattr(exc, 'error_code', None) or exc.reason})") from exc
        except aex.ResourceNotFoundError as exc:
            code = str(getattr(exc, "error_code", "") or "")
            if code == "ContainerNotFound" or key is None:
                raise BucketNotFoundError(
                    f"container {self.url.bucket!r} does not exist at {self.endpoint.rstrip('/')}") from exc
            if code in ("InvalidBlockList", "BlockListTooLong"):
                raise UploadGoneError(f"{place}: the staged blocks are gone ({code})") from exc
            raise ObjectNotFoundError(f"{place}: no such blob") from exc
        except (aex.ResourceModifiedError, aex.ResourceExistsError) as exc:
            raise PreconditionFailedError(f"{place}: changed by someone else during {what}") from exc
        except (aex.ServiceRequestError, aex.ServiceResponseError) as exc:
            raise TransientRemoteError(f"{place}: cannot reach {self.endpoint} during {what}: {exc}") from exc
        except aex.HttpResponseError as exc:
            status = exc.status_code or 0
            code = str(getattr(exc, "error_code", "") or "")
            if status == 403:
                raise CredentialsError(
                    f"{place}: the storage service refused the credentials during {what} "
                    f"({code or 'HTTP 403'})") from exc
            if code == "Md5Mismatch" or "md5" in code.lower():
                raise VerificationError(f"{place}: the service refused the body ({code})") from exc
            if code == "InvalidBlockList":
                raise UploadGoneError(f"{place}: the staged blocks are gone ({code})") from exc
            if status >= 500 or status in (408, 429):
                raise TransientRemoteError(f"{place}: {what} failed with HTTP {status} ({code})") from exc
            raise RemoteError(f"{place}: {what} failed with HTTP {status} ({code or exc.reason})") from exc

    @staticmethod
    def _remote(key: str, props: Any) -> RemoteObject:
        md5 = props.content_settings.content_md5
        return RemoteObject(key=key, size=props.size, etag=props.etag,
                            md5=bytes(md5).hex() if md5 else None, metadata=dict(props.metadata or {}))

    # -- objects -----------------------------------------------------------------------
    def check(self) -> None:
        self._call("checking the container", None, self.container.get_container_properties)

    def put(self, req: PutRequest) -> RemoteObject:
        blob = self.container.get_blob_client(req.key)
        kw: dict[str, Any] = {}
        if req.if_etag:
            kw = {"etag": req.if_etag, "match_condition": MatchConditions.IfNotModified}
        resp = self._call(
            "upload", req.key, blob.upload_blob, req.data, overwrite=not req.if_absent,
            metadata=req.metadata, validate_content=True, max_concurrency=1,
            content_settings=ContentSettings(content_type=req.content_type), **kw)
        md5 = resp.get("content_md5")
        return RemoteObject(key=req.key, etag=resp.get("etag"),
                            md5=bytes(md5).hex() if md5 else None, metadata=req.metadata)

    def head(self, key: str) -> RemoteObject | None:
        try:
            props = self._call("HEAD", key, self.container.get_blob_client(key).get_blob_properties)
        except ObjectNotFoundError:
            return None
        return self._remote(key, props)

    def get(self, key: str) -> tuple[bytes, RemoteObject] | None:
        try:
            stream = self._call("download", key, self.container.get_blob_client(key).download_blob)
            data = self._call("download", key, stream.readall)
        except ObjectNotFoundError:
            return None
        return data, self._remote(key, stream.properties)

    def download(self, key: str, out: BinaryIO,
                 on_chunk: Callable[[int], None] | None = None) -> RemoteObject | None:
        try:
            stream = self._call("download", key, self.container.get_blob_client(key).download_blob)
            for chunk in self._call("download", key, stream.chunks):
                out.write(chunk)
                if on_chunk:
                    on_chunk(len(chunk))
        except ObjectNotFoundError:
            return None
        return self._remote(key, stream.properties)

    def delete(self, key: str) -> None:
        with contextlib.suppress(ObjectNotFoundError):
            self._call("delete", key, self.container.get_blob_client(key).delete_blob,
                       delete_snapshots="include")

    def list(self, prefix: str) -> list[RemoteObject]:
        items = self._call("listing", prefix, lambda: list(
            self.container.list_blobs(name_starts_with=prefix)))
        return [self._remote(b.name, b) for b in items]

    def list_prefixes(self, prefix: str) -> list[str]:
        items = self._call("listing", prefix, lambda: list(
            self.container.walk_blobs(name_starts_with=prefix, delimiter="/")))
        return sorted(i.name for i in items if i.name.endswith("/"))

    # -- blocks ------------------------------------------------------------------------
    @staticmethod
    def _block_id(session: UploadSession, part_no: int) -> str:
        raw = f"{part_no:06d}-{session.digest.sha256[:24]}".encode("ascii")
        return base64.b64encode(raw).decode("ascii")

    def start_upload(self, key: str, digest: Digest, part_size: int, content_type: str,
                     metadata: dict[str, str]) -> str:
        # Blocks need no session; the id only ties the stored state to this file version.
        return f"blocks:{digest.sha256[:24]}:{part_size}"

    def uploaded_parts(self, session: UploadSession) -> dict[int, str | None]:
        blob = self.container.get_blob_client(session.key)
        try:
            _committed, uncommitted = self._call(
                "listing staged blocks", session.key, blob.get_block_list, "uncommitted")
        except ObjectNotFoundError:
            return {}
        wanted = {self._block_id(session, n): n for n in range(1, session.part_count + 1)}
        done: dict[int, str | None] = {}
        for block in uncommitted:
            n = wanted.get(block.id)
            expected = min(session.part_size, session.digest.size - (n - 1) * session.part_size) if n else -1
            if n and block.size == expected:
                done[n] = None  # the service checked its Content-MD5 when it was staged
        return done

    def upload_part(self, session: UploadSession, part_no: int, data: bytes) -> None:
        blob = self.container.get_blob_client(session.key)
        self._call(f"uploading block {part_no}", session.key, blob.stage_block,
                   self._block_id(session, part_no), data, validate_content=True)

    def finish_upload(self, session: UploadSession) -> RemoteObject:
        blob = self.container.get_blob_client(session.key)
        blocks = [BlobBlock(self._block_id(session, n)) for n in range(1, session.part_count + 1)]
        self._call("committing the blocks", session.key, blob.commit_block_list, blocks,
                   metadata=session.metadata,
                   content_settings=ContentSettings(content_type=session.content_type,
                                                    content_md5=session.digest.md5))
        head = self.head(session.key)
        if head is None:
            raise TransientRemoteError(f"{self.where(session.key)}: missing right after committing it")
        # The stored MD5 is the one we sent; what the service checked is every block's MD5.
        return RemoteObject(key=head.key, size=head.size, etag=head.etag, parts_validated=True,
                            metadata=head.metadata)

    def abort_upload(self, session: UploadSession) -> None:
        """Uncommitted blocks expire on their own after a week."""

    def close(self) -> None:
        self.service.close()
