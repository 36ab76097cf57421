"""For Scrapyd eggs only (`scrapyd-deploy` builds with `setup.py bdist_egg`); everything is
declared in pyproject.toml."""

from setuptools import setup

setup()
