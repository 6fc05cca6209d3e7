#!/usr/bin/env bash
# Builds Sfumato and starts Open Liberty with the EAR in the foreground (Ctrl-C stops it).
# Embedded defaults: H2 file database under ear/target/liberty/wlp/usr/servers/sfumato/data,
# HTTP on 127.0.0.1:7880, media UDP on 127.0.0.1:7882.. (one port per worker), development API key.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q install -DskipTests
exec mvn -B -ntp -pl ear liberty:run
