"""The test harness: what the tests, the benchmarks, `make run` and `make prod` need to run the
system on one machine. Not part of the compiler (compiler/preventiewijzer) and not installed:
  rasa.py       the one `rasa run` command (REST channel on 127.0.0.1, a free port)
  process.py    a server process with its log, started, checked until ready, stopped
  stack.py      the production layout: PostgreSQL, Redis, Rasa instances, nginx (postgres.py, redis.py)
  prod.py       `make prod`: that stack in the foreground
  serve.py      `make run`: the built site with the chat path passed on to the bot
  client.py     a reader's side of the chat; load.py many readers at once
  faults.py     what the fault tests do to the stack (stop an instance, route around it, read the store)
  pageweight.py what a page costs a reader on a phone
"""
