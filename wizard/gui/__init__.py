"""The pages and window of the wizard: thin views over the core and the runner."""
