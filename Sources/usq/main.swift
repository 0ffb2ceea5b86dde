import USQShell
print("usq")
