// Every Vitest file runs with the product's domain modules installed, as a server does at boot.
import { installDomainModules } from "@/lib/server/domain-modules";

installDomainModules();
