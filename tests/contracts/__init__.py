"""OpenAPI copies of provider APIs and the glue to check requests against them."""
