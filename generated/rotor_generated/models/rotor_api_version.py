from enum import StrEnum


class RotorApiVersion(StrEnum):
    V1_1_0 = "1.1.0"

    def __str__(self) -> str:
        return str(self.value)
