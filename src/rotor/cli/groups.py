"""The command groups of ``rotor`` as names and help lines, known without importing them.

``rotor --help`` and ``rotor --version`` run on this alone: the groups' commands (and with them the SDK, the
generated client and the mock) are built only for the group a command line names (``app.LazyGroup``). The resource
groups come from the rendered ``rotor._resource_index`` (a resource of the spec needs nothing here); the help
lines below are the groups' own (``commands`` and ``resources`` build their groups with them).
"""

from __future__ import annotations

from rotor._resource_index import RESOURCE_METHODS

# The SDK methods a resource group has a subcommand for (``resources.SUBCOMMANDS``, in its order): a resource with
# none of them (auth: its own group) gets no resource group.
SUBCOMMAND_METHODS = ("list", "retrieve", "create_or_update", "export")

AUTH_HELP = "Check the API key."
CONFIG_HELP = "Profiles of settings in the config file (keys are never printed in full)."
MOCK_HELP = "Serve the mock Rotor API locally (needs the 'mock' extra: pip install 'rotor-sdk[mock]')."


def resource_help(name: str) -> str:
    return f"Work with {name.replace('_', ' ')}."


def command_name(resource: str) -> str:
    """A resource's group as a shell spells commands: ``pin-types`` (``pin_types`` stays a hidden alias)."""
    return resource.replace("_", "-")


def resource_groups() -> dict[str, str]:
    """Each resource group's command name -> its resource (the client attribute), in the spec's order."""
    return {
        command_name(name): name
        for name, methods in RESOURCE_METHODS.items()
        if any(method in methods for method in SUBCOMMAND_METHODS)
    }


def helps() -> dict[str, str]:
    """Every group of ``rotor``, in the order ``--help`` lists them, with its help line."""
    return {
        **{command: resource_help(name) for command, name in resource_groups().items()},
        "auth": AUTH_HELP,
        "config": CONFIG_HELP,
        "mock": MOCK_HELP,
    }
