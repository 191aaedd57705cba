using System.Collections.Concurrent;
using System.Reflection;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;

namespace ArrayDispatch.Chunked.Graph;

/// <summary>
/// Writes task descriptions (<see cref="TaskSpec"/>) and chunk values to bytes and reads them back in a process that loads
/// the same plugins. Argument records are written field by field in the order of their primary constructor (so any
/// protocol record works without a serializer of its own); arrays are written as raw buffers (dtype and shape, then the
/// elements' bytes: no per-element serialization) with the name of the backend that owned them.
/// </summary>
public static class TaskSpecCodec
{
    private const byte Version = 1;

    /// <summary>The bytes of <paramref name="spec"/>.</summary>
    /// <exception cref="NotSupportedException">The description holds a value no worker could rebuild, naming it.</exception>
    public static byte[] Write(TaskSpec spec, IArrayDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(dispatcher);
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Version);
            new Writer(w, dispatcher).Spec(spec);
        }
        return stream.ToArray();
    }

    /// <summary>The description written by <see cref="Write(TaskSpec, IArrayDispatcher)"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a description this version reads.</exception>
    public static TaskSpec Read(byte[] data, IArrayDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(dispatcher);
        using var r = new BinaryReader(new MemoryStream(data, writable: false));
        if (r.ReadByte() != Version) throw new InvalidDataException("task description written by another version of the Chunked plugin");
        return new Reader(r, dispatcher).Spec();
    }

    /// <summary>Runs a description on <paramref name="inputs"/> (what a worker does with a task).</summary>
    public static object Run(TaskSpec spec, IArrayDispatcher dispatcher, object[] inputs) => Run(spec, dispatcher, inputs, CancellationToken.None);

    /// <summary>Runs a description on <paramref name="inputs"/>; a cancelled <paramref name="cancellationToken"/> stops it between the parts of a fused task.</summary>
    public static object Run(TaskSpec spec, IArrayDispatcher dispatcher, object[] inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        cancellationToken.ThrowIfCancellationRequested();
        CancellationToken previous = TaskSpec.Cancellation;
        TaskSpec.Cancellation = cancellationToken;
        try
        {
            return spec.Evaluate(dispatcher, inputs);
        }
        finally
        {
            TaskSpec.Cancellation = previous;
        }
    }

    /// <summary>The bytes of a task's value: an array, or a QR or SVD result (the values chunk tasks produce).</summary>
    /// <exception cref="NotSupportedException">The value is of another kind, naming its type.</exception>
    public static byte[] WriteValue(object value, IArrayDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(value);
        // Sized for the value up front: a chunk is written once, not regrown by doubling.
        using var stream = new MemoryStream((int)Math.Min(int.MaxValue - 1024, Scheduling.ValueSize.Of(value) + 1024));
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            new Writer(w, dispatcher).Value(value);
        }
        return stream.Length == stream.Capacity ? stream.GetBuffer() : stream.ToArray();
    }

    /// <summary>The value written by <see cref="WriteValue"/>.</summary>
    public static object ReadValue(byte[] data, IArrayDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var r = new BinaryReader(new MemoryStream(data, writable: false));
        return new Reader(r, dispatcher).Value();
    }

    /// <summary>The bytes a value takes in memory (what the schedulers count), for placement by data size.</summary>
    public static long SizeOf(object value) => Scheduling.ValueSize.Of(value);

    private static readonly ConcurrentDictionary<Type, (ConstructorInfo Ctor, PropertyInfo[] Properties)> s_records = new();

    /// <summary>The primary constructor of a record and the properties that feed each of its parameters.</summary>
    private static (ConstructorInfo Ctor, PropertyInfo[] Properties) RecordOf(Type type) => s_records.GetOrAdd(type, t =>
    {
        foreach (ConstructorInfo ctor in t.GetConstructors().OrderByDescending(c => c.GetParameters().Length))
        {
            ParameterInfo[] ps = ctor.GetParameters();
            var props = new PropertyInfo[ps.Length];
            bool ok = ps.Length > 0;
            for (int i = 0; i < ps.Length && ok; i++)
            {
                PropertyInfo? p = t.GetProperty(ps[i].Name!, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                if (p is null || p.PropertyType != ps[i].ParameterType) ok = false;
                else props[i] = p;
            }
            if (ok) return (ctor, props);
        }
        throw new NotSupportedException($"a task description cannot hold a {t.Name}: it has no constructor whose parameters are its properties");
    });

    private sealed class Writer(BinaryWriter w, IArrayDispatcher dispatcher)
    {
        public void Spec(TaskSpec spec)
        {
            w.Write(spec.Kind);
            switch (spec)
            {
                case InputSpec input: w.Write(input.Index); break;
                case MemberSpec member: Spec(member.Of); w.Write(member.Name); break;
                case CallSpecBase call:
                    w.Write(call.Function.Name);
                    Field(call.Function.ArgsType, call.Arguments);
                    break;
                case RandomSpec random: Field(typeof(RandomArgs), random.Arguments); break;
                case FoldSpec fold: w.Write(fold.Combine.Name); break;
                case ConcatenateSpec concatenate: w.Write(concatenate.Axis); break;
                case SourceSpec source: Array((NDArray)source.Evaluate(dispatcher, [])); break;
                case LiteralSpec literal: Array((NDArray)literal.Evaluate(dispatcher, [])); break;
                case FusedSpec fused: w.Write(fused.InnerKey); Spec(fused.Inner); Spec(fused.Outer); break;
                case NonsingularSpec nonsingular: Spec(nonsingular.R); break;
                case Linalg.CholeskyStepSpec step: w.Write(step.Grams); w.Write(step.First); w.Write(step.KappaLimit); break;
                case Linalg.FactorApplySpec apply:
                    Spec(apply.Operand);
                    w.Write(apply.FactorInput);
                    w.Write(apply.RowStart);
                    w.Write(apply.RowEnd);
                    w.Write(apply.Left);
                    break;
                case SumSpec sum:
                    w.Write(sum.Terms.Length);
                    foreach (TaskSpec term in sum.Terms) Spec(term);
                    break;
                case AssembleSpec assemble:
                    Field(typeof(int[]), assemble.Counts);
                    Field(typeof(ArrayIndex[][]), assemble.Cuts);
                    break;
                case ArgChunkSpec arg:
                    w.Write(arg.Max);
                    Field(typeof(int?), arg.Axis);
                    Field(typeof(int[]), arg.Start);
                    Field(typeof(long[]), arg.GlobalStrides);
                    break;
                case ArgCombineSpec combine: w.Write(combine.Max); w.Write(combine.IsFloat); break;
                case NpySpec npy:
                    w.Write(npy.Path);
                    w.Write(npy.DataOffset);
                    w.Write((byte)npy.DType);
                    w.Write(npy.BigEndian);
                    Field(typeof(long[]), npy.Strides);
                    Field(typeof(int[]), npy.Start);
                    Field(typeof(int[]), npy.Shape);
                    w.Write(npy.Backend);
                    break;
                case ElementwiseSpec elementwise:
                    w.Write(elementwise.Operations);
                    w.Write((byte)elementwise.DType);
                    Expr(elementwise.Expr);
                    break;
                default: throw new NotSupportedException($"task description kind '{spec.Kind}' cannot be written");
            }
        }

        /// <summary>An element-wise expression tree, prefix order: a tag, then the node's function or constant, then its children.</summary>
        private void Expr(Building.ElemExpr expr)
        {
            switch (expr)
            {
                case Building.SlotExpr slot: w.Write((byte)0); w.Write(slot.Slot); break;
                case Building.ConstExpr constant: w.Write((byte)1); Field(typeof(Scalar), constant.Value); break;
                case Building.UnaryExpr unary: w.Write((byte)2); w.Write(unary.Function.Name); Expr(unary.X); break;
                case Building.BinaryExpr binary: w.Write((byte)3); w.Write(binary.Function.Name); Expr(binary.A); Expr(binary.B); break;
                case Building.TernaryExpr ternary: w.Write((byte)4); w.Write(ternary.Function.Name); Expr(ternary.A); Expr(ternary.B); Expr(ternary.C); break;
                case Building.AsTypeExpr astype: w.Write((byte)5); w.Write((byte)astype.TargetDType); w.Write((int)astype.Casting); Expr(astype.X); break;
                default: throw new NotSupportedException($"element-wise expression node {expr.GetType().Name} cannot be written");
            }
        }

        public void Value(object value)
        {
            switch (value)
            {
                case NDArray a: w.Write((byte)1); Array(a); break;
                case QrResult qr: w.Write((byte)2); OptionalArray(qr.Q); Array(qr.R); break;
                case SvdResult svd: w.Write((byte)3); OptionalArray(svd.U); Array(svd.S); OptionalArray(svd.Vh); break;
                case Building.ArgPair pair: w.Write((byte)4); Array(pair.Value); Array(pair.Index); break;
                case EighResult eigh: w.Write((byte)5); Array(eigh.Eigenvalues); Array(eigh.Eigenvectors); break;
                case SlogdetResult slogdet: w.Write((byte)6); Array(slogdet.Sign); Array(slogdet.LogAbsDet); break;
                case UniqueResult unique: w.Write((byte)7); Array(unique.Values); OptionalArray(unique.Indices); OptionalArray(unique.Inverse); OptionalArray(unique.Counts); break;
                case Linalg.TallSkinnyFactor factor: w.Write((byte)8); Array(factor.R); OptionalArray(factor.RInverse); OptionalArray(factor.Q); break;
                default: throw new NotSupportedException($"a task value of type {value.GetType().Name} cannot travel between workers (arrays, QR, SVD, eigh, slogdet and unique results, CholeskyQR steps, argmin/argmax partials can)");
            }
        }

        private void OptionalArray(NDArray? a)
        {
            w.Write(a is not null);
            if (a is not null) Array(a);
        }

        /// <summary>The owning backend's name, the dtype and shape, then the elements' raw bytes (C order, little-endian as in memory).</summary>
        public void Array(NDArray a)
        {
            string backend = dispatcher.OwnerOf(a.GetType())
                ?? throw new NotSupportedException($"a {a.GetType().Name} cannot travel between workers: no backend owns its type");
            // Disposed at once: a native export holds the array's storage until it is let go.
            using HostBuffer host = a.ToHost();
            w.Write(backend);
            w.Write((byte)host.DType);
            Field(typeof(int[]), host.Shape.Dims.ToArray());
            // The element type of the host storage (double, Half, Complex64...), so every dtype travels without a table here.
            Type element = host.DType.ClrType();
            w.Write(element.AssemblyQualifiedName!);
            s_rawOf.MakeGenericMethod(element).Invoke(this, [host]);
        }

        private static readonly MethodInfo s_rawOf = typeof(Writer).GetMethod(nameof(RawOf), BindingFlags.NonPublic | BindingFlags.Instance)!;

        private void RawOf<T>(HostBuffer host) where T : unmanaged
        {
            if (host.IsCContiguous)
            {
                ReadOnlySpan<byte> inPlace = System.Runtime.InteropServices.MemoryMarshal.AsBytes(host.AsSpan<T>(host.Offset, checked((int)host.Shape.Size)));
                w.Write(inPlace.Length);
                w.Write(inPlace);
                return;
            }
            ReadOnlySpan<byte> bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(host.ToContiguous<T>().AsSpan());
            w.Write(bytes.Length);
            w.Write(bytes);
        }

        public void Field(Type type, object? value)
        {
            Type? underlying = Nullable.GetUnderlyingType(type);
            if (underlying is not null)
            {
                w.Write(value is not null);
                if (value is not null) Field(underlying, value);
                return;
            }
            if (type == typeof(NDArray) || type.IsSubclassOf(typeof(NDArray)))
            {
                switch (value)
                {
                    case null: w.Write((byte)0); break;
                    case SlotArray slot: w.Write((byte)1); Spec(slot.Value); break;
                    default: w.Write((byte)2); Array((NDArray)value); break;
                }
                return;
            }
            if (type == typeof(string))
            {
                w.Write(value is not null);
                if (value is not null) w.Write((string)value);
                return;
            }
            if (type.IsEnum) { w.Write(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)); return; }
            switch (value)
            {
                case bool b: w.Write(b); return;
                case int i: w.Write(i); return;
                case long l: w.Write(l); return;
                case ulong u: w.Write(u); return;
                case double d: w.Write(d); return;
                case float f: w.Write(f); return;
            }
            if (type.IsArray)
            {
                var items = (System.Array?)value;
                w.Write(items?.Length ?? -1);
                if (items is null) return;
                Type element = type.GetElementType()!;
                foreach (object? item in items) Field(element, item);
                return;
            }
            switch (value)
            {
                case Shape shape: Field(typeof(int[]), shape.Dims.ToArray()); return;
                case Axes axes:
                    w.Write(axes.IsAll);
                    if (!axes.IsAll) Field(typeof(int[]), axes.Values.ToArray());
                    return;
                case Scalar scalar:
                    w.Write((byte)scalar.Kind);
                    switch (scalar.Kind)
                    {
                        case ScalarKind.Float: w.Write(scalar.AsDouble); break;
                        case ScalarKind.Complex: w.Write(scalar.AsComplex.Real); w.Write(scalar.AsComplex.Imaginary); break;
                        default: w.Write(scalar.AsInt64); break;
                    }
                    return;
                case Operand operand:
                    w.Write(operand.IsScalar);
                    if (operand.IsScalar) Field(typeof(Scalar), operand.Scalar);
                    else Field(typeof(NDArray), operand.Array);
                    return;
                case ArrayIndex index:
                    w.Write((byte)index.Kind);
                    switch (index.Kind)
                    {
                        case ArrayIndexKind.Integer: w.Write(index.Integer); break;
                        case ArrayIndexKind.Slice: Field(typeof(Slice), index.Slice); break;
                        case ArrayIndexKind.Array: Field(typeof(NDArray), index.Array); break;
                    }
                    return;
            }
            // Any other type is a record: its primary constructor's parameters, in order (reference types with a presence flag).
            if (!type.IsValueType)
            {
                w.Write(value is not null);
                if (value is null) return;
            }
            (ConstructorInfo _, PropertyInfo[] properties) = RecordOf(type);
            foreach (PropertyInfo p in properties) Field(p.PropertyType, p.GetValue(value));
        }
    }

    private sealed class Reader(BinaryReader r, IArrayDispatcher dispatcher)
    {
        public TaskSpec Spec()
        {
            string kind = r.ReadString();
            switch (kind)
            {
                case "input": return TaskSpec.Input(r.ReadInt32());
                case "member":
                    TaskSpec of = Spec();
                    return of.Member(r.ReadString());
                case "call":
                case "create":
                    {
                        string name = r.ReadString();
                        if (!FunctionCatalog.TryGet(name, out ArrayFunction function))
                        {
                            throw new InvalidDataException($"task description calls '{name}', which this process does not know");
                        }
                        object args = Field(function.ArgsType)!;
                        Type open = kind == "call" ? typeof(CallSpec<,>) : typeof(CreateSpec<,>);
                        Type closed = open.MakeGenericType(function.ArgsType, function.ResultType);
                        return (TaskSpec)Activator.CreateInstance(closed, function, args)!;
                    }
                case "random": return TaskSpec.Random((RandomArgs)Field(typeof(RandomArgs))!, null);
                case "fold":
                    {
                        string name = r.ReadString();
                        if (!FunctionCatalog.TryGet(name, out ArrayFunction function) || function is not ArrayFunction<BinaryArgs, NDArray> combine)
                        {
                            throw new InvalidDataException($"task description folds with '{name}', which is not a binary function here");
                        }
                        return TaskSpec.Fold(combine);
                    }
                case "concatenate": return TaskSpec.Concatenate(r.ReadInt32());
                case "buffer": return new LiteralSpec(Array());
                case "fused":
                    {
                        string innerKey = r.ReadString();
                        TaskSpec inner = Spec();
                        return TaskSpec.Fused(innerKey, inner, Spec());
                    }
                case "nonsingular": return TaskSpec.Nonsingular(Spec());
                case "cholesky-qr-step": return new Linalg.CholeskyStepSpec(r.ReadInt32(), r.ReadBoolean(), r.ReadDouble());
                case "cholesky-qr-apply":
                    TaskSpec operand = Spec();
                    return new Linalg.FactorApplySpec(operand, r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadBoolean());
                case "sum":
                    {
                        var terms = new TaskSpec[r.ReadInt32()];
                        for (int k = 0; k < terms.Length; k++) terms[k] = Spec();
                        return TaskSpec.Sum(terms);
                    }
                case "assemble":
                    {
                        var counts = (int[])Field(typeof(int[]))!;
                        return TaskSpec.Assemble((ArrayIndex[]?[])Field(typeof(ArrayIndex[][]))!, counts);
                    }
                case "argchunk":
                    {
                        bool max = r.ReadBoolean();
                        var axis = (int?)Field(typeof(int?));
                        var start = (int[])Field(typeof(int[]))!;
                        return TaskSpec.ArgChunk(max, axis, start, (long[])Field(typeof(long[]))!);
                    }
                case "argcombine":
                    {
                        bool max = r.ReadBoolean();
                        return TaskSpec.ArgCombine(max, r.ReadBoolean());
                    }
                case "npy":
                    {
                        string path = r.ReadString();
                        long offset = r.ReadInt64();
                        var dtype = (DType)r.ReadByte();
                        bool bigEndian = r.ReadBoolean();
                        var strides = (long[])Field(typeof(long[]))!;
                        var start = (int[])Field(typeof(int[]))!;
                        var shape = (int[])Field(typeof(int[]))!;
                        return TaskSpec.NpyRegion(path, offset, dtype, bigEndian, strides, start, shape, r.ReadString());
                    }
                case "elementwise":
                    {
                        int operations = r.ReadInt32();
                        var dtype = (DType)r.ReadByte();
                        return TaskSpec.Elementwise(Expr(), operations, dtype);
                    }
                default: throw new InvalidDataException($"unknown task description kind '{kind}'");
            }
        }

        private Building.ElemExpr Expr() => r.ReadByte() switch
        {
            0 => new Building.SlotExpr(r.ReadInt32()),
            1 => new Building.ConstExpr((Scalar)Field(typeof(Scalar))!),
            2 => new Building.UnaryExpr(Function<UnaryArgs>(), Expr()),
            3 => new Building.BinaryExpr(Function<BinaryArgs>(), Expr(), Expr()),
            4 => new Building.TernaryExpr(Function<TernaryArgs>(), Expr(), Expr(), Expr()),
            5 => new Building.AsTypeExpr((DType)r.ReadByte(), (Casting)r.ReadInt32(), Expr()),
            byte tag => throw new InvalidDataException($"unknown element-wise expression tag {tag}"),
        };

        private ArrayFunction<TArgs, NDArray> Function<TArgs>() where TArgs : struct, IArrayArgs<TArgs>
        {
            string name = r.ReadString();
            return FunctionCatalog.TryGet(name, out ArrayFunction f) && f is ArrayFunction<TArgs, NDArray> typed
                ? typed
                : throw new InvalidDataException($"element-wise expression calls '{name}', which is not a {typeof(TArgs).Name} function here");
        }

        public object Value() => r.ReadByte() switch
        {
            1 => Array(),
            2 => new QrResult(r.ReadBoolean() ? Array() : null, Array()),
            3 => new SvdResult(r.ReadBoolean() ? Array() : null, Array(), r.ReadBoolean() ? Array() : null),
            4 => new Building.ArgPair(Array(), Array()),
            5 => new EighResult(Array(), Array()),
            6 => new SlogdetResult(Array(), Array()),
            7 => new UniqueResult(Array(), r.ReadBoolean() ? Array() : null, r.ReadBoolean() ? Array() : null, r.ReadBoolean() ? Array() : null),
            8 => new Linalg.TallSkinnyFactor(Array(), r.ReadBoolean() ? Array() : null, r.ReadBoolean() ? Array() : null),
            byte tag => throw new InvalidDataException($"unknown task value tag {tag}"),
        };

        public NDArray Array()
        {
            string backend = r.ReadString();
            var dtype = (DType)r.ReadByte();
            var dims = (int[])Field(typeof(int[]))!;
            string elementName = r.ReadString();
            Type element = Type.GetType(elementName)
                ?? throw new InvalidDataException($"an array of element type {elementName} cannot be read here");
            long count = 1;
            foreach (int d in dims) count *= d;
            int length = r.ReadInt32();
            var data = System.Array.CreateInstance(element, count);
            if (length > 0)
            {
                // The elements are copied once, from the message into their own array.
                Span<byte> target = System.Runtime.InteropServices.MemoryMarshal.CreateSpan(
                    ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(data), length);
                r.BaseStream.ReadExactly(target);
            }
            // The backend takes that array without another copy (Copy: false) and shapes it as a view: each copy of a chunk
            // is a chunk's worth of fresh pages.
            NDArray flat = dispatcher.Create(ArrayFunctions.AsArray, new AsArrayArgs(data, dtype, Copy: false, new Placement(Backend: backend)));
            return dims.Length == 1 ? flat : dispatcher.Invoke(ArrayFunctions.Reshape, new ShapeArgs(flat, dims));
        }

        public object? Field(Type type)
        {
            Type? underlying = Nullable.GetUnderlyingType(type);
            if (underlying is not null) return r.ReadBoolean() ? Field(underlying) : null;
            if (type == typeof(NDArray) || type.IsSubclassOf(typeof(NDArray)))
            {
                return r.ReadByte() switch
                {
                    0 => null,
                    1 => TaskSpec.Slot(Spec()),
                    _ => Array(),
                };
            }
            if (type == typeof(string)) return r.ReadBoolean() ? r.ReadString() : null;
            if (type.IsEnum) return Enum.ToObject(type, r.ReadInt64());
            if (type == typeof(bool)) return r.ReadBoolean();
            if (type == typeof(int)) return r.ReadInt32();
            if (type == typeof(long)) return r.ReadInt64();
            if (type == typeof(ulong)) return r.ReadUInt64();
            if (type == typeof(double)) return r.ReadDouble();
            if (type == typeof(float)) return r.ReadSingle();
            if (type.IsArray)
            {
                int n = r.ReadInt32();
                if (n < 0) return null;
                Type element = type.GetElementType()!;
                var items = System.Array.CreateInstance(element, n);
                for (int i = 0; i < n; i++) items.SetValue(Field(element), i);
                return items;
            }
            if (type == typeof(Shape)) return new Shape((int[])Field(typeof(int[]))!);
            if (type == typeof(Axes)) return r.ReadBoolean() ? Axes.All : Axes.Of((int[])Field(typeof(int[]))!);
            if (type == typeof(Scalar))
            {
                var kind = (ScalarKind)r.ReadByte();
                return kind switch
                {
                    ScalarKind.Float => Scalar.Float(r.ReadDouble()),
                    ScalarKind.Complex => Scalar.Complex(r.ReadDouble(), r.ReadDouble()),
                    ScalarKind.Bool => Scalar.Bool(r.ReadInt64() != 0),
                    _ => Scalar.Integer(r.ReadInt64()),
                };
            }
            if (type == typeof(Operand))
            {
                return r.ReadBoolean() ? (Operand)(Scalar)Field(typeof(Scalar))! : (Operand)(NDArray)Field(typeof(NDArray))!;
            }
            if (type == typeof(ArrayIndex))
            {
                var kind = (ArrayIndexKind)r.ReadByte();
                return kind switch
                {
                    ArrayIndexKind.Integer => (ArrayIndex)r.ReadInt32(),
                    ArrayIndexKind.Slice => (ArrayIndex)(Slice)Field(typeof(Slice))!,
                    ArrayIndexKind.Array => (ArrayIndex)(NDArray)Field(typeof(NDArray))!,
                    ArrayIndexKind.NewAxis => ArrayIndex.NewAxis,
                    _ => ArrayIndex.Ellipsis,
                };
            }
            if (!type.IsValueType && !r.ReadBoolean()) return null;
            (ConstructorInfo ctor, PropertyInfo[] properties) = RecordOf(type);
            var values = new object?[properties.Length];
            for (int i = 0; i < values.Length; i++) values[i] = Field(properties[i].PropertyType);
            return ctor.Invoke(values);
        }
    }
}
