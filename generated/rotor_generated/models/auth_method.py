from enum import StrEnum


class AuthMethod(StrEnum):
    API_KEY = "api_key"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
