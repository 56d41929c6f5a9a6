#include <doctest/doctest.h>

#include "leaspec/schema.hpp"

using leaspec::schema::did_you_mean;
using leaspec::schema::resolve_uri;

TEST_CASE("relative references resolve as RFC 3986 section 5.4 says") {
  const std::string base = "http://a/b/c/d;p?q";
  CHECK(resolve_uri(base, "g") == "http://a/b/c/g");
  CHECK(resolve_uri(base, "./g") == "http://a/b/c/g");
  CHECK(resolve_uri(base, "g/") == "http://a/b/c/g/");
  CHECK(resolve_uri(base, "/g") == "http://a/g");
  CHECK(resolve_uri(base, "//g") == "http://g");
  CHECK(resolve_uri(base, "?y") == "http://a/b/c/d;p?y");
  CHECK(resolve_uri(base, "#s") == "http://a/b/c/d;p?q#s");
  CHECK(resolve_uri(base, "../g") == "http://a/b/g");
  CHECK(resolve_uri(base, "../../g") == "http://a/g");
  CHECK(resolve_uri(base, "../../../g") == "http://a/g");
  CHECK(resolve_uri(base, "g:h") == "g:h");
  CHECK(resolve_uri("file:///schemas/national.yaml", "common/ids.yaml") ==
        "file:///schemas/common/ids.yaml");
}

TEST_CASE("URNs keep their identity for fragment references") {
  CHECK(resolve_uri("urn:uuid:deadbeef-1234-ffff-ffff-4321feebdaed", "#/$defs/bar") ==
        "urn:uuid:deadbeef-1234-ffff-ffff-4321feebdaed#/$defs/bar");
}

TEST_CASE("did-you-mean suggests only close candidates") {
  std::vector<std::string> keys = {"id", "text", "priority", "verification"};
  CHECK(did_you_mean("priorty", keys) == "priority");
  CHECK(did_you_mean("verfication", keys) == "verification");
  CHECK(did_you_mean("txt", keys) == "text");
  CHECK_FALSE(did_you_mean("completely_different", keys));
}
