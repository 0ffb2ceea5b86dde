#ifndef USQ_CLIBEDIT_H
#define USQ_CLIBEDIT_H
#include <stdio.h>
#include <histedit.h>
#endif
