#!/bin/sh
# soak: bench/soak.sh for 60 seconds (repeated reloads with prefetch
# against a misbehaving loopback server; nothing committed lost or
# duplicated, memory flat, every run ends).
: "${srcdir:=.}"
exec sh "$srcdir/bench/soak.sh" "${SOAK_SECONDS:-60}" 20 1
