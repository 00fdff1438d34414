"""The municipality's own look: its name, design tokens and logo in <instance>/theme/."""
