#!/usr/bin/env bash
# Checks (or, with --fix, applies) the house format: `.swift-format` (2 spaces, 100 columns,
# modelled on swift-argument-parser's), with the toolchain's `swift format`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ "${1:-}" = "--fix" ]; then
  swift format format --in-place --recursive Sources Tests Package.swift
fi
swift format lint --strict --recursive Sources Tests Package.swift
