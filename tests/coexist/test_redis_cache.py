"""The Redis cache backend reuses one client per connection pool (see its docstring for
the figure): this fails if a Django upgrade changes the private parts it relies on."""

import os

import pytest

from coexist.redis_cache import FastRedisCache

REDIS = os.environ.get("REDIS_URL")


@pytest.mark.skipif(not REDIS, reason="needs Redis (REDIS_URL), as in CI")
def test_one_client_per_pool_and_the_cache_still_works():
    cache = FastRedisCache(REDIS, {"OPTIONS": {"socket_connect_timeout": 1}})
    client = cache._cache
    assert client.get_client("a") is client.get_client("b")
    assert client.get_client("a", write=True) is client.get_client("b", write=True)
    cache.set("coexist-test-key", {"page": "é"}, timeout=5)
    assert cache.get("coexist-test-key") == {"page": "é"}
    cache.delete("coexist-test-key")
    assert cache.get("coexist-test-key") is None
