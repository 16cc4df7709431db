"use server";

import { z } from "zod";
import { createServerAction } from "zsa";
import { prisma } from "@/lib/db";
import {
  actionClient,
  authActionClient,
  lenientActionClient,
  loggedActionClient,
  teamActionClient,
} from "@/lib/safe-action";
import { authedProcedure } from "@/lib/zsa";

const taskInput = z.object({ title: z.string().min(1) });

export const addTask = actionClient.inputSchema(taskInput).action(async ({ parsedInput }) => { // want "missing-auth P0"
  await prisma.task.create({ data: parsedInput });
});

export const addOwnTask = authActionClient.inputSchema(taskInput).action(async ({ parsedInput, ctx }) => {
  await prisma.task.create({ data: { ...parsedInput, ownerId: ctx.user.id } });
});

export const addTeamTask = teamActionClient.inputSchema(taskInput).action(async ({ parsedInput }) => {
  await prisma.task.create({ data: parsedInput });
});

export const addLoggedTask = loggedActionClient.inputSchema(taskInput).action(async ({ parsedInput }) => { // want "missing-auth P0"
  await prisma.task.create({ data: parsedInput });
});

export const addLenientTask = lenientActionClient.inputSchema(taskInput).action(async ({ parsedInput }) => { // want "auth-not-enforced P0"
  await prisma.task.create({ data: parsedInput });
});

export const completeTask = authedProcedure
  .createServerAction()
  .input(z.object({ id: z.string() }))
  .handler(async ({ input }) => {
    await prisma.task.update({ where: { id: input.id }, data: { done: true } });
  });

export const reopenTask = createServerAction() // want "missing-auth P0"
  .input(z.object({ id: z.string() }))
  .handler(async ({ input }) => {
    await prisma.task.update({ where: { id: input.id }, data: { done: false } });
  });
