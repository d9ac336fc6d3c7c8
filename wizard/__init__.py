"""Torch Setup Wizard: installs PyTorch for learners, from "I have a computer" to a first trained model."""

__version__ = "0.1.0"
