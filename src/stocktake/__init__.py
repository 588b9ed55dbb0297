"""Stocktake: the delivery register for government delivery units."""
