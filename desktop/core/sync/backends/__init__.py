"""Storage backends behind one interface: S3 (boto3), GCS (google-cloud-storage) and
Azure Blob (azure-storage-blob). Their methods block; the engine calls them from threads."""
