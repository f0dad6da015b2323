"""habar (хабар, "news"): reads Kazakh news at any scale and makes it understood and findable."""

__version__ = "0.1.0"
