import { z } from "zod";
import { ROLES } from "../policy/actor.ts";

export const ZRole = z.enum(ROLES);
