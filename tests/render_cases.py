"""Datasets the rendering tests share: one whose every text tries to run script in a page."""

from __future__ import annotations

XSS_DATA = """\
types:
  - {name: menaces, sign: -1, kind: stance, description: "<b onmouseover=alert('type')>menaces</b>"}
sources:
  - id: evil
    title: "<script>alert('title')</script>"
    publisher: "\\"><img src=x onerror=alert('publisher')>"
    url: "https://example.org/\\"><script>alert('url')</script>"
    published: 2016-12-20
    notes: "<img src=x onerror=alert('source notes')>"
actors:
  - id: mallory
    name: "<script>alert('name')</script>"
    kind: state
    aliases: ["<img src=x onerror=alert('alias')>"]
    description: "</script><script>alert('description')</script>"
  - {id: trudy, name: "<img src=x onerror=alert('trudy')>", kind: armed-group}
  - {id: eve, name: "Eve & <i>co</i>", kind: person}
relations:
  - source: mallory
    type: menaces
    target: trudy
    start: 2016
    notes: "<svg onload=alert('notes')>"
    sources:
      - {ref: evil, evidence: "<img src=x onerror=alert('evidence')>"}
  - source: eve
    type: backs
    target: mallory
    start: 2016
    sources:
      - {ref: evil, evidence: "</script><script>alert('evidence2')</script>"}
"""
"""Every text field a page shows holds markup that would run if it were not escaped."""

PAYLOADS = ("<script>alert('name')</script>", "<img src=x onerror=alert('alias')>",
            "</script><script>alert('description')</script>", "<img src=x onerror=alert('trudy')>",
            "<svg onload=alert('notes')>", "<img src=x onerror=alert('evidence')>",
            "<script>alert('title')</script>", "\"><img src=x onerror=alert('publisher')>",
            "<img src=x onerror=alert('source notes')>")
