"""Importing a report's numbered conclusions or recommendations as a programme.

``text`` reads the file, ``lines`` classifies its lines, ``bodies`` finds who is responsible,
``parser`` assembles the items (all pure Python) and ``service`` writes them to the register.
"""
