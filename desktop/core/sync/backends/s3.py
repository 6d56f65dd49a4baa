"""Amazon S3 and S3-compatible stores (MinIO, R2, moto) over boto3.

A single PUT sends Content-MD5 (the service refuses a damaged body) and its ETag is the
MD5; a multipart object's ETag is the MD5 of the parts' MD5s, which we compute too. Our
SHA-256 rides along as object metadata and is checked with a HEAD after a multipart.
"""

from __future__ import annotations

import base64
import contextlib
from collections.abc import Callable
from typing import Any, BinaryIO

import boto3
import botocore.exceptions as bex
from botocore.config import Config

from desktop.core.sync.backends.base import Backend, PutRequest, RemoteObject, UploadSession
from desktop.core.sync.credentials import Credentials
from desktop.core.sync.destination import BackendKind, DestinationOptions, DestinationUrl
from desktop.core.sync.errors import (
    BucketNotFoundError,
    CredentialsError,
    ObjectNotFoundError,
    PreconditionFailedError,
    RemoteError,
    SyncError,
    TransientRemoteError,
    UploadGoneError,
)
from desktop.core.sync.hashing import Digest

_AUTH_CODES = {"InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied", "ExpiredToken",
               "InvalidToken", "InvalidClientTokenId", "AuthorizationHeaderMalformed",
               "AllAccessDisabled", "403"}
_TRANSIENT_CODES = {"SlowDown", "RequestTimeout", "InternalError", "ServiceUnavailable",
                    "RequestTimeTooSkewed", "Throttling", "500", "502", "503", "504"}


class S3Backend(Backend):
    kind = BackendKind.S3
    min_part_size = 5 * 1024 * 1024  # S3's minimum for every part but the last

    def __init__(self, url: DestinationUrl, options: DestinationOptions, creds: Credentials) -> None:
        super().__init__(url)
        self.endpoint = options.endpoint_url
        session = boto3.session.Session(
            profile_name=options.profile or None,
            aws_access_key_id=creds.get("aws_access_key_id"),
            aws_secret_access_key=creds.get("aws_secret_access_key"),
            aws_session_token=creds.get("aws_session_token"),
        ) if (options.profile or creds.values) else boto3.session.Session()
        config = Config(
            max_pool_connections=max(10, options.concurrency * 2),
            retries={"max_attempts": 2, "mode": "standard"},  # our RetryPolicy does the rest
            connect_timeout=5, read_timeout=60,
            request_checksum_calculation="when_required",  # we send Content-MD5 ourselves
            response_checksum_validation="when_required",
            s3={"addressing_style": "path"} if options.endpoint_url else None,
        )
        try:
            self.client = session.client(
                "s3", endpoint_url=options.endpoint_url,
                region_name=options.region or session.region_name or "us-east-1", config=config)
        except bex.ProfileNotFound as exc:
            raise CredentialsError(f"{self.where()}: AWS profile {options.profile!r} not found") from exc

    # -- error mapping -----------------------------------------------------------------
    def _call(self, what: str, key: str | None, fn: Callable[..., Any], **kw: Any) -> Any:
        try:
            return fn(Bucket=self.url.bucket, **kw)
        except bex.ClientError as exc:
            raise self._map_client_error(exc, what, key) from exc
        except (bex.NoCredentialsError, bex.PartialCredentialsError) as exc:
            raise CredentialsError(
                f"{self.where()}: no AWS credentials found ({exc}); set AWS_ACCESS_KEY_ID and "
                "AWS_SECRET_ACCESS_KEY or AWS_PROFILE, or store keys with "
                "`main.py sync add ... --ask-credentials`") from exc
        except (bex.EndpointConnectionError, bex.ConnectionClosedError, bex.ReadTimeoutError,
                bex.ConnectTimeoutError, bex.ProxyConnectionError) as exc:
            raise TransientRemoteError(
                f"{self.where(key)}: cannot reach {self.endpoint or 'S3'} during {what}: {exc}") from exc
        except bex.ParamValidationError as exc:
            raise RemoteError(f"{self.where(key)}: {what} refused before sending: {exc}") from exc
        except bex.BotoCoreError as exc:  # urllib3 protocol errors surface as these too
            raise TransientRemoteError(f"{self.where(key)}: {what} failed: {exc}") from exc

    def _map_client_error(self, exc: bex.ClientError, what: str, key: str | None) -> SyncError:
        err = exc.response.get("Error", {})
        code = str(err.get("Code", ""))
        status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
        message = err.get("Message") or code
        place = self.where(key)
        if code in _AUTH_CODES or status == 403:
            return CredentialsError(
                f"{place}: the storage service refused the credentials during {what} "
                f"({code}: {message})")
        if code == "NoSuchBucket" or (code in ("404", "NotFound") and key is None):
            return BucketNotFoundError(
                f"bucket {self.url.bucket!r} does not exist at {self.endpoint or 'AWS S3'}")
        if code in ("NoSuchKey", "404", "NotFound"):
            return ObjectNotFoundError(f"{place}: no such object")
        if code == "NoSuchUpload":
            return UploadGoneError(f"{place}: the unfinished upload is gone ({message})")
        if code in ("PreconditionFailed", "ConditionalRequestConflict") or status == 412:
            return PreconditionFailedError(f"{place}: changed by someone else during {what}")
        if code in _TRANSIENT_CODES or status >= 500:
            return TransientRemoteError(f"{place}: {what} failed with HTTP {status} ({code})")
        return RemoteError(f"{place}: {what} failed with HTTP {status} ({code}: {message})")

    @staticmethod
    def _etag(raw: str | None) -> str | None:
        return raw.strip('"') if raw else None

    def _remote(self, key: str, head: dict[str, Any]) -> RemoteObject:
        etag = self._etag(head.get("ETag"))
        multipart = bool(etag and "-" in etag)
        return RemoteObject(
            key=key, size=head.get("ContentLength"), etag=etag,
            md5=None if multipart else etag, composite_md5=etag if multipart else None,
            metadata=dict(head.get("Metadata") or {}))

    # -- objects -----------------------------------------------------------------------
    def check(self) -> None:
        self._call("checking the bucket", None, self.client.head_bucket)
        self._call("listing", None, self.client.list_objects_v2,
                   Prefix=self.url.key(""), MaxKeys=1)

    def put(self, req: PutRequest) -> RemoteObject:
        extra: dict[str, Any] = {}
        if req.if_absent:
            extra["IfNoneMatch"] = "*"
        if req.if_etag:
            extra["IfMatch"] = f'"{req.if_etag}"'
        resp = self._call("upload", req.key, self.client.put_object, Key=req.key, Body=req.data,
                          ContentMD5=req.digest.md5_b64, ContentType=req.content_type,
                          Metadata=req.metadata, **extra)
        etag = self._etag(resp.get("ETag"))
        return RemoteObject(key=req.key, etag=etag, md5=etag, metadata=req.metadata)

    def head(self, key: str) -> RemoteObject | None:
        try:
            return self._remote(key, self._call("HEAD", key, self.client.head_object, Key=key))
        except ObjectNotFoundError:
            return None

    def get(self, key: str) -> tuple[bytes, RemoteObject] | None:
        try:
            resp = self._call("download", key, self.client.get_object, Key=key)
        except ObjectNotFoundError:
            return None
        try:
            data = resp["Body"].read()
        except (bex.BotoCoreError, OSError) as exc:
            raise TransientRemoteError(f"{self.where(key)}: download interrupted: {exc}") from exc
        return data, self._remote(key, resp)

    def download(self, key: str, out: BinaryIO,
                 on_chunk: Callable[[int], None] | None = None) -> RemoteObject | None:
        try:
            resp = self._call("download", key, self.client.get_object, Key=key)
        except ObjectNotFoundError:
            return None
        try:
            for chunk in resp["Body"].iter_chunks(1024 * 1024):
                out.write(chunk)
                if on_chunk:
                    on_chunk(len(chunk))
        except (bex.BotoCoreError, OSError) as exc:
            raise TransientRemoteError(f"{self.where(key)}: download interrupted: {exc}") from exc
        return self._remote(key, resp)

    def delete(self, key: str) -> None:
        self._call("delete", key, self.client.delete_object, Key=key)

    def list(self, prefix: str) -> list[RemoteObject]:
        found: list[RemoteObject] = []
        token: dict[str, str] = {}
        while True:
            resp = self._call("listing", prefix, self.client.list_objects_v2, Prefix=prefix, **token)
            for item in resp.get("Contents", []):
                etag = self._etag(item.get("ETag"))
                found.append(RemoteObject(key=item["Key"], size=item.get("Size"), etag=etag))
            if not resp.get("IsTruncated"):
                return found
            token = {"ContinuationToken": resp["NextContinuationToken"]}

    def list_prefixes(self, prefix: str) -> list[str]:
        found: list[str] = []
        token: dict[str, str] = {}
        while True:
            resp = self._call("listing", prefix, self.client.list_objects_v2, Prefix=prefix,
                              Delimiter="/", **token)
            found += [p["Prefix"] for p in resp.get("CommonPrefixes", [])]
            if not resp.get("IsTruncated"):
                return found
            token = {"ContinuationToken": resp["NextContinuationToken"]}

    # -- multipart ---------------------------------------------------------------------
    def start_upload(self, key: str, digest: Digest, part_size: int, content_type: str,
                     metadata: dict[str, str]) -> str:
        resp = self._call("starting a multipart upload", key, self.client.create_multipart_upload,
                          Key=key, ContentType=content_type, Metadata=metadata)
        return str(resp["UploadId"])

    def uploaded_parts(self, session: UploadSession) -> dict[int, str | None]:
        done: dict[int, str | None] = {}
        marker: dict[str, int] = {}
        while True:
            resp = self._call("listing uploaded parts", session.key, self.client.list_parts,
                              Key=session.key, UploadId=session.upload_id, **marker)
            for part in resp.get("Parts", []):
                done[int(part["PartNumber"])] = self._etag(part.get("ETag"))
            if not resp.get("IsTruncated"):
                return done
            marker = {"PartNumberMarker": int(resp["NextPartNumberMarker"])}

    def upload_part(self, session: UploadSession, part_no: int, data: bytes) -> None:
        md5 = session.digest.part_md5s[part_no - 1]
        self._call(f"uploading part {part_no}", session.key, self.client.upload_part,
                   Key=session.key, UploadId=session.upload_id, PartNumber=part_no, Body=data,
                   ContentMD5=base64.b64encode(md5).decode("ascii"))

    def finish_upload(self, session: UploadSession) -> RemoteObject:
        parts = [{"PartNumber": n, "ETag": f'"{md5.hex()}"'}
                 for n, md5 in enumerate(session.digest.part_md5s, start=1)]
        self._call("completing the multipart upload", session.key,
                   self.client.complete_multipart_upload, Key=session.key,
                   UploadId=session.upload_id, MultipartUpload={"Parts": parts})
        head = self.head(session.key)
        if head is None:
            raise TransientRemoteError(f"{self.where(session.key)}: missing right after completing it")
        return head

    def abort_upload(self, session: UploadSession) -> None:
        with contextlib.suppress(UploadGoneError):
            self._call("aborting an upload", session.key, self.client.abort_multipart_upload,
                       Key=session.key, UploadId=session.upload_id)

    def close(self) -> None:
        self.client.close()
