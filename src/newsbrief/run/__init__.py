"""Executors: they only schedule stage functions over shards of documents; no logic lives here."""
