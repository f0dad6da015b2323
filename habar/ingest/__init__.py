"""Ingestion: files, directories and stdin to Articles (`habar.ingest.readers.read_paths`).

Modules: `readers` (the READERS registry, directory walking, stdin), `source` (one input, its limits, the
ReadError every reader reports), `encoding` (which encoding the bytes are in, Kazakh-aware), and one module
per format (`txt`, `jsonl`, ...). Nothing is imported here, so that a format's heavy library loads only when
that format is read.
"""
