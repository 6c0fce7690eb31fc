INSERT INTO notes VALUES (1, 'seeded');
