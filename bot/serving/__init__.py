"""Serving the bot: the production channel, tracker store, lock store and answer generator that
endpoints.yml and credentials.yml name, and Rasa's internals made cheaper (speedups.py).
Nothing here imports Rasa at package level: redaction.py is plain functions, tested without it."""
