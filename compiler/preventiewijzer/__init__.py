"""Preventiewijzer: the content model and the generators that turn it into a site and a bot."""
