-- Opportunity numbers OP000001, as Lead_code_seq numbers leads
CREATE SEQUENCE "Opportunity_code_seq" START 1;
