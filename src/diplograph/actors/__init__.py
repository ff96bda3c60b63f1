"""Actors: knowledge of states and bodies (from data files), and resolution of
mentions in a report to canonical actors."""
