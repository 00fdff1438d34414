"""Schrijfhulp: plain-language advice on the text sections of an experience."""
