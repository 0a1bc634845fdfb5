using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace StudioApi.Platform.Persistence;

/// <summary>
/// Inserts thousands of new rows of one entity type in the caller's transaction, without the change tracker: EF on
/// SQLite sends one INSERT per row and tracks every entity, which made the ~45,000 rows of a 5,000-student roster
/// import most of its 9-13 s. Here a multi-row INSERT is prepared once and run again and again (SQLite), or holds up to
/// 2,100 parameters (SQL Server). The columns are those EF maps for the type, owned types in the same table included,
/// named and converted (enums, instants) as EF would. What <see cref="StudioDbContext.SaveChangesAsync(bool, CancellationToken)"/>
/// adds is the caller's to do: the audit stamps (<see cref="StudioDbContext.StampNew"/>), the search terms
/// (<see cref="Search.SearchIndex.PrepareNew{TRecord}"/>), the status log (StatusTransitions.StartManyAsync).
/// A database error surfaces as EF's own would, a <see cref="DbUpdateException"/>, so the usual unique-violation checks apply.
/// </summary>
public static class BulkInsert
{
    /// <summary>Inserts <paramref name="rows"/> (new entities of a type of the model, not tracked).</summary>
    public static Task InsertAsync<T>(this StudioDbContext db, IReadOnlyList<T> rows, CancellationToken ct) where T : class =>
        InsertAsync(db, Table.Of(db, db.Model.FindEntityType(typeof(T)) ?? throw NotInModel(typeof(T))), rows.Select(r => (r, 0L)).ToList(), null, ct);

    /// <summary>
    /// Inserts <paramref name="rows"/> and sets their generated ids, matched by <paramref name="unique"/>, a property whose
    /// values differ between the rows (the database need not return new rows in the order they were sent).
    /// </summary>
    public static Task InsertWithIdsAsync<T>(this StudioDbContext db, IReadOnlyList<T> rows, Expression<Func<T, object?>> unique, CancellationToken ct)
        where T : AuditedRecord
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw NotInModel(typeof(T));
        var property = entity.FindProperty(PropertyName(unique)) ?? throw new ArgumentException($"{PropertyName(unique)} is not a property of {typeof(T).Name}.", nameof(unique));
        return InsertAsync(db, Table.Of(db, entity), rows.Select(r => (r, 0L)).ToList(), (property, SetId), ct);

        static void SetId(object row, long id) => ((T)row).Id = id;
    }

    /// <summary>Inserts the items of an owned collection (<c>c =&gt; c.FamilyMembers</c>), each with its owner's id.</summary>
    public static Task InsertOwnedAsync<TOwner, TOwned>(this StudioDbContext db, Expression<Func<TOwner, IEnumerable<TOwned>>> collection,
        IReadOnlyList<(long OwnerId, TOwned Item)> items, CancellationToken ct)
        where TOwner : class where TOwned : class
    {
        var owner = db.Model.FindEntityType(typeof(TOwner)) ?? throw NotInModel(typeof(TOwner));
        var navigation = owner.FindNavigation(PropertyName(collection)) is { IsCollection: true, ForeignKey.IsOwnership: true } n
            ? n : throw new ArgumentException($"{PropertyName(collection)} is not an owned collection of {typeof(TOwner).Name}.", nameof(collection));
        return InsertAsync(db, Table.Of(db, navigation.TargetEntityType), items.Select(i => ((object)i.Item, i.OwnerId)).ToList(), null, ct);
    }

    static async Task InsertAsync<T>(StudioDbContext db, Table table, IReadOnlyList<(T Row, long OwnerId)> rows,
        (IProperty Property, Action<object, long> SetId)? ids, CancellationToken ct) where T : class
    {
        if (rows.Count == 0)
            return;
        var sqlite = db.Database.IsSqlite();
        var columns = table.Columns.Count;
        // SQLite binds a few hundred parameters fast, thousands not (see StatusLogWriter); SQL Server takes at most 2,100
        // parameters and 1,000 rows a statement.
        var perStatement = Math.Clamp((sqlite ? 400 : 2000) / columns, 1, 1000);
        var matchColumn = ids is { } i ? table.Columns.FindIndex(c => c.Property == i.Property) : -1;
        if (ids is not null && matchColumn < 0)
            throw new InvalidOperationException($"{ids.Value.Property.Name} is not a column of {table.Name}.");

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            DbCommand? full = null;
            try
            {
                foreach (var chunk in rows.Chunk(perStatement))
                {
                    var command = chunk.Length == perStatement
                        ? full ??= table.Command(connection, transaction, perStatement, ids?.Property, sqlite)
                        : table.Command(connection, transaction, chunk.Length, ids?.Property, sqlite);
                    var byMatch = ids is null ? null : new Dictionary<string, object>(chunk.Length);
                    for (var row = 0; row < chunk.Length; row++)
                        for (var column = 0; column < columns; column++)
                        {
                            var value = table.Columns[column].Value(chunk[row].Row, chunk[row].OwnerId);
                            command.Parameters[row * columns + column].Value = value;
                            if (column == matchColumn)
                                byMatch!.Add(Key(value), chunk[row].Row);
                        }
                    try
                    {
                        if (byMatch is null)
                            await command.ExecuteNonQueryAsync(ct);
                        else
                        {
                            await using var reader = await command.ExecuteReaderAsync(ct);
                            while (await reader.ReadAsync(ct))
                                ids!.Value.SetId(byMatch[Key(reader.GetValue(1))], reader.GetInt64(0));
                        }
                    }
                    catch (DbException e)
                    {
                        throw new DbUpdateException($"An error occurred while inserting into {table.Name}. See the inner exception for details.", e);
                    }
                    finally
                    {
                        if (!ReferenceEquals(command, full))
                            await command.DisposeAsync();
                    }
                }
            }
            finally
            {
                if (full is not null)
                    await full.DisposeAsync();
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    static string Key(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    static string PropertyName(LambdaExpression property) => property.Body switch
    {
        MemberExpression m => m.Member.Name,
        UnaryExpression { Operand: MemberExpression m } => m.Member.Name,
        _ => throw new ArgumentException("Name a property: x => x.Property.", nameof(property)),
    };

    static InvalidOperationException NotInModel(Type type) => new($"{type.Name} is not in the model.");

    /// <summary>One column: its name, and its value in a row as the database takes it.</summary>
    sealed record Column(string Name, IProperty Property, RelationalTypeMapping Mapping, Func<object, long, object> Value);

    /// <summary>A table's insertable columns for an entity type, read from the model once per model and type.</summary>
    sealed class Table
    {
        static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IEntityType, Table> Cache = [];

        public required string Name { get; init; }
        public required List<Column> Columns { get; init; }
        public required ISqlGenerationHelper Sql { get; init; }
        public required string Key { get; init; }

        public static Table Of(StudioDbContext db, IEntityType entity) => Cache.GetValue(entity, e =>
        {
            var name = e.GetTableName() ?? throw new InvalidOperationException($"{e.DisplayName()} has no table.");
            var store = StoreObjectIdentifier.Table(name, e.GetSchema());
            var columns = new List<Column>();
            var ownership = e.FindOwnership();
            if (ownership is not null && !ownership.IsUnique)
            {
                // An owned collection's row: the owner's id goes into the foreign key (a shadow property).
                var key = ownership.Properties.Single();
                columns.Add(new Column(key.GetColumnName(store)!, key, key.GetRelationalTypeMapping(), (_, ownerId) => ownerId));
            }
            AddColumns(e, store, columns, row => row, skip: ownership?.Properties ?? []);
            var primary = e.FindPrimaryKey()!.Properties.Single();
            var sql = db.GetService<ISqlGenerationHelper>();
            return new Table { Name = sql.DelimitIdentifier(name, e.GetSchema()), Columns = columns, Sql = sql, Key = sql.DelimitIdentifier(primary.GetColumnName(store)!) };
        });

        /// <summary>The type's own columns, then those of the owned types it shares the table with (a client's student fields).</summary>
        static void AddColumns(IEntityType entity, StoreObjectIdentifier store, List<Column> columns, Func<object, object?> reach, IReadOnlyList<IProperty> skip)
        {
            foreach (var property in entity.GetProperties())
            {
                if (skip.Contains(property) || property.IsPrimaryKey() || property.GetComputedColumnSql(store) is not null)
                    continue;
                if (property.IsShadowProperty())
                    throw new NotSupportedException($"BulkInsert cannot fill {entity.DisplayName()}.{property.Name}, a shadow property.");
                var mapping = property.GetRelationalTypeMapping();
                var getter = property.GetGetter();
                columns.Add(new Column(property.GetColumnName(store)!, property, mapping,
                    (row, _) => reach(row) is { } owner ? ToProvider(mapping, getter.GetClrValue(owner)) : DBNull.Value));
            }
            foreach (var navigation in entity.GetNavigations().Where(n => n is { IsCollection: false, ForeignKey.IsOwnership: true } && n.IsOnDependent == false))
            {
                var owned = navigation.TargetEntityType;
                if (owned.GetTableName() != store.Name)
                    throw new NotSupportedException($"BulkInsert does not write {entity.DisplayName()}.{navigation.Name}, owned in a table of its own.");
                var getter = navigation.GetGetter();
                AddColumns(owned, store, columns, row => reach(row) is { } owner ? getter.GetClrValue(owner) : null, owned.FindOwnership()!.Properties);
            }
        }

        static object ToProvider(RelationalTypeMapping mapping, object? value)
        {
            if (value is null)
                return DBNull.Value;
            if (mapping.Converter is { } converter)
                value = converter.ConvertToProvider(value);
            else if (value is Enum)
                value = Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), CultureInfo.InvariantCulture);
            return value ?? DBNull.Value;
        }

        /// <summary>An INSERT of <paramref name="rows"/> rows, its parameters typed as EF types them, prepared.</summary>
        public DbCommand Command(DbConnection connection, DbTransaction? transaction, int rows, IProperty? returning, bool sqlite)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder($"INSERT INTO {Name} (");
            text.AppendJoin(", ", Columns.Select(c => Sql.DelimitIdentifier(c.Name))).Append(')');
            var match = returning is null ? null : Sql.DelimitIdentifier(Columns.Single(c => c.Property == returning).Name);
            if (match is not null && !sqlite)
                text.Append($" OUTPUT INSERTED.{Key}, INSERTED.{match}");
            text.Append(" VALUES ");
            for (var row = 0; row < rows; row++)
            {
                text.Append(row == 0 ? "(" : ", (");
                for (var column = 0; column < Columns.Count; column++)
                {
                    var name = $"@p{row * Columns.Count + column}";
                    command.Parameters.Add(Columns[column].Mapping.CreateParameter(command, name, null, Columns[column].Property.IsNullable));
                    text.Append(column == 0 ? "" : ", ").Append(name);
                }
                text.Append(')');
            }
            if (match is not null && sqlite)
                text.Append($" RETURNING {Key}, {match}");
            command.CommandText = text.ToString();
            if (sqlite)
                command.Prepare();
            return command;
        }
    }
}
