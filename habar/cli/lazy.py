"""A click group whose commands are imported only when they run."""

from __future__ import annotations

import importlib

import click


class LazyGroup(click.Group):
    """`commands_map` maps a command name to "module:function"."""

    def __init__(self, *args, commands_map: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.commands_map = commands_map

    def list_commands(self, ctx):
        return sorted(self.commands_map)

    def get_command(self, ctx, name):
        if name not in self.commands_map:
            return None
        module, attr = self.commands_map[name].split(":")
        return getattr(importlib.import_module(module), attr)
