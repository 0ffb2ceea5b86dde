import USQFrame
print("usq-bench")
