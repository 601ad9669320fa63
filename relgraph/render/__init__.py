"""Renderers: a snapshot graph to something people look at."""
