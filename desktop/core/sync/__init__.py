"""Cloud sync: the library's assets mirrored to S3, GCS and Azure buckets in the background,
verified against local hashes, and pulled into other libraries that share the bucket."""
